package dev.batchyard.app.health;

import dev.batchyard.app.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/** The strip that says a read-only view is out of date, with Reload; shown once a read has found it so. */
public final class StoreChangedBannerView extends HBox {

    public StoreChangedBannerView(StoreChangedViewModel viewModel, Messages messages) {
        super(8);
        setId("storeChangedBanner");
        getStyleClass().addAll("banner", "banner-warning");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(messages.text("health.changed"), new FontIcon(MaterialDesignU.UPDATE));
        text.setId("storeChangedText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button reload = new Button(messages.text("health.reload"), new FontIcon(MaterialDesignR.REFRESH));
        reload.setId("reloadView");
        reload.setOnAction(e -> viewModel.reload());
        reload.setMinWidth(Region.USE_PREF_SIZE);   // the text wraps; the button keeps its word
        getChildren().addAll(text, reload);
        visibleProperty().bind(viewModel.changedProperty());
        managedProperty().bind(visibleProperty());
    }
}
