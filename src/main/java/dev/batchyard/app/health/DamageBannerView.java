package dev.batchyard.app.health;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The strip under the toolbar that says the store has damage, with "Show" (the store-health view)
 * and a close button; it comes back when more damage is found. Red when a batch was lost, amber
 * when everything found was cut off or set aside.
 */
public final class DamageBannerView extends HBox {

    /** @param show brings the store-health view to the front */
    public DamageBannerView(StoreHealthViewModel viewModel, Messages messages, Runnable show) {
        super(8);
        setId("damageBanner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("damageBannerText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(viewModel.bannerTextProperty());
        text.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button showButton = new Button(messages.text("health.show"));
        showButton.setId("showDamage");
        showButton.setOnAction(e -> show.run());
        showButton.setMinWidth(Region.USE_PREF_SIZE);   // the text wraps; the buttons keep their words
        Button dismiss = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        dismiss.setId("dismissDamage");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setTooltip(new Tooltip(messages.text("health.dismiss")));
        dismiss.setOnAction(e -> viewModel.dismissBanner());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(text, showButton, dismiss);
        severity(viewModel.lostProperty().get());
        viewModel.lostProperty().addListener((obs, was, lost) -> severity(lost));
        visibleProperty().bind(viewModel.bannerShownProperty());
        managedProperty().bind(visibleProperty());
    }

    private void severity(boolean lost) {
        getStyleClass().removeAll("banner-danger", "banner-warning");
        getStyleClass().add(lost ? "banner-danger" : "banner-warning");
    }
}
