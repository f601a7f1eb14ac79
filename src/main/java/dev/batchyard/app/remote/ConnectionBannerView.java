package dev.batchyard.app.remote;

import dev.batchyard.app.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The strip under the toolbar that says the remote server is away (danger colours: changes are
 * refused) or that it is back and what the window missed meanwhile (with Dismiss).
 */
public final class ConnectionBannerView extends HBox {

    public ConnectionBannerView(ConnectionViewModel model, Messages messages) {
        super(8);
        setId("connectionBanner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        FontIcon icon = new FontIcon(MaterialDesignL.LAN_DISCONNECT);
        Label text = new Label("", icon);
        text.setId("connectionText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(model.bannerTextProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(messages.text("remote.dismiss"));
        dismiss.setId("dismissConnection");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> model.dismiss());
        getChildren().addAll(text, dismiss);
        model.bannerProperty().addListener((o, was, banner) -> {
            getStyleClass().removeAll("banner-danger", "banner-info");
            if (banner == ConnectionViewModel.Banner.DOWN) {
                getStyleClass().add("banner-danger");
                icon.setIconCode(MaterialDesignL.LAN_DISCONNECT);
            } else if (banner == ConnectionViewModel.Banner.BACK) {
                getStyleClass().add("banner-info");
                icon.setIconCode(MaterialDesignL.LAN_CONNECT);
            }
            dismiss.setVisible(banner == ConnectionViewModel.Banner.BACK);
        });
        dismiss.setVisible(false);
        visibleProperty().bind(model.bannerProperty().isNotEqualTo(ConnectionViewModel.Banner.NONE));
        managedProperty().bind(visibleProperty());
    }
}
