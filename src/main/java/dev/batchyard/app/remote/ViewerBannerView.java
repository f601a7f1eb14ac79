package dev.batchyard.app.remote;

import dev.batchyard.app.common.Messages;
import dev.batchyard.console.Access;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/**
 * The strip under the toolbar of a window whose token may only look (a viewer's): why every command
 * that would change the store is off. Always shown: the status bar's figures leave its text no room.
 */
public final class ViewerBannerView extends HBox {

    private ViewerBannerView(Access.ReadOnlyToken token, Messages messages) {
        super(8);
        setId("viewerBanner");
        getStyleClass().addAll("banner", "banner-info");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(messages.format("remote.viewer", token.tokenName(), token.role()),
                new FontIcon(MaterialDesignE.EYE_OUTLINE));
        text.setId("viewerText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().add(text);
    }

    /** The banner for a console with {@code access}: only when its token may not change the store. */
    public static Optional<ViewerBannerView> of(Access access, Messages messages) {
        return access instanceof Access.ReadOnlyToken token ? Optional.of(new ViewerBannerView(token, messages))
                : Optional.empty();
    }
}
