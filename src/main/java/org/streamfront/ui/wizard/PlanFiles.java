package org.streamfront.ui.wizard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.streamfront.Messages;
import org.streamfront.plan.ConfigExport;
import org.streamfront.plan.PlanFileException;
import org.streamfront.plan.PlanIds;
import org.streamfront.plan.PlanJson;
import org.streamfront.store.AtomicFiles;
import org.streamfront.ui.FileDialogs;

/** Save plan, Open plan and the two exports, as the Review step and the toolbar offer them. */
public final class PlanFiles {
    private final PlanForm form;
    private final FileDialogs dialogs;
    private final Consumer<String> notice;

    public PlanFiles(PlanForm form, FileDialogs dialogs, Consumer<String> notice) {
        this.form = form;
        this.dialogs = dialogs;
        this.notice = notice;
    }

    public void save(Window owner) {
        if (form.planId.get() == null) {
            form.planId.set(PlanIds.newId());
        }
        dialogs.save(owner, Messages.get("files.save.title"), suggestedName(".json"), "json")
                .ifPresent(path -> write(path, PlanJson.write(form.toPlan())));
    }

    /** Loads a plan file into the form; a plan with rule problems still loads, so it can be fixed field by field. */
    public void open(Window owner) {
        dialogs.open(owner, Messages.get("files.open.title"), "json").ifPresent(path -> {
            try {
                form.load(PlanIds.ensure(PlanJson.read(path)));
                notice.accept(Messages.get("files.opened", path));
            } catch (PlanFileException e) {
                notice.accept(Messages.get("files.openFailed", path, e.getMessage()));
            }
        });
    }

    public void export(Window owner, ConfigExport.Format format) {
        String ext = format == ConfigExport.Format.AWS_CLI ? "-create.sh" : "-cloudformation.json";
        dialogs.save(owner, Messages.get("files.export.title"), suggestedName(ext), "json")
                .ifPresent(path -> write(path, ConfigExport.export(PlanIds.ensure(form.toPlan()), format)));
    }

    private void write(Path path, String text) {
        try {
            AtomicFiles.write(path, text);
            notice.accept(Messages.get("files.saved", path));
        } catch (IOException e) {
            notice.accept(Messages.get("files.saveFailed", path, e.getMessage()));
        }
    }

    private String suggestedName(String suffix) {
        String base = form.name.get().isBlank() ? "streamfront-plan" : form.name.get().replaceAll("[^A-Za-z0-9_-]+", "-");
        return base + suffix;
    }
}
