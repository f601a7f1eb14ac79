package dev.batchyard.remote;

import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.IndexRanges;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code POST /api/v1/actions/edit} for an {@link EditRequest}: its kind in {@code edit}, then its fields. */
final class EditJson {
    private EditJson() {
    }

    static Map<String, Object> body(EditRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request instanceof EditRequest.RemoveEntries remove) {
            body.put("edit", "remove_entries");
            body.put("id", remove.id());
            body.put("entries", IndexRanges.format(new java.util.ArrayList<>(new java.util.TreeSet<>(remove.entries()))));
        } else if (request instanceof EditRequest.ReplaceEntry replace) {
            body.put("edit", "replace_entry");
            body.put("id", replace.id());
            body.put("index", replace.index());
            body.put("entry", replace.json());
            if (!replace.before().isEmpty()) {
                body.put("before", replace.before());
            }
        } else {
            EditRequest.SetLabel set = (EditRequest.SetLabel) request;
            body.put("edit", set.removes() ? "remove_label" : "set_label");
            body.put("ids", set.ids());
            body.put("key", set.key());
            if (!set.removes()) {
                body.put("value", set.value());
            }
        }
        return body;
    }
}
