package dev.batchyard.app.events;

import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows the view model's due notices as ControlsFX pop-ups over the window that holds
 * {@code owner}. The coalescing already happened in {@link AlertCoalescer}; this only draws.
 */
final class NoticePresenter {
    private static final Duration SHOWN_FOR = Duration.seconds(8);
    private final Node owner;

    NoticePresenter(Node owner) {
        this.owner = owner;
    }

    void show(Notice notice) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null) {
            return;     // not on screen: there is nobody to tell
        }
        Notifications popup = Notifications.create()
                .owner(owner.getScene().getWindow())
                .title(notice.title())
                .text(notice.text())
                .graphic(SeverityStyle.icon(notice.severity()))
                .hideAfter(SHOWN_FOR);
        popup.show();
    }
}
