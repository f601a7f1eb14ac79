package dev.batchyard.app.events;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The live event stream: a toolbar of filters and pause over a table of the newest events. Thin:
 * layout and bindings; the state is in {@link LiveEventsViewModel}. While shown, asks the view
 * model once a second for due notices and pops them up.
 */
public final class LiveEventsView extends BorderPane {
    private final LiveEventsViewModel viewModel;
    private final EventTable table;
    private final Timeline noticeTimer;

    public LiveEventsView(LiveEventsViewModel viewModel) {
        this.viewModel = viewModel;
        this.table = new EventTable(viewModel);
        setId("liveEventsView");
        setTop(new EventToolbar(viewModel));
        setCenter(table);
        Label summary = EventToolbar.summary(viewModel);
        summary.setStyle("-fx-padding: 3 8 3 8;");
        setBottom(summary);

        viewModel.visibleRows().addListener((ListChangeListener<EventRow>) change -> followNewest());
        viewModel.autoScrollProperty().addListener((obs, was, now) -> followNewest());

        NoticePresenter presenter = new NoticePresenter(this);
        noticeTimer = new Timeline(new KeyFrame(Duration.seconds(1),
                e -> viewModel.dueNotices().forEach(presenter::show)));
        noticeTimer.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                noticeTimer.stop();
            } else {
                noticeTimer.play();
            }
        });
    }

    /** The events table, for its columns to be remembered. */
    public TableView<EventRow> table() {
        return table;
    }

    private void followNewest() {
        int size = viewModel.visibleRows().size();
        if (viewModel.autoScrollProperty().get() && !viewModel.pausedProperty().get() && size > 0) {
            table.scrollTo(size - 1);
        }
    }
}
