package io.sightline.cli;

import io.sightline.api.Folder;
import io.sightline.api.FolderRequest;
import io.sightline.api.Page;
import io.sightline.api.Scope;
import io.sightline.sdk.FolderListParams;
import io.sightline.sdk.PageParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "folders", description = "List and create folders; a folder belongs to you (user) or your organisation (org).")
final class FoldersCommand {
    private final CliContext context;

    FoldersCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List folders.")
    int list(@Option(names = "--scope", paramLabel = "user|org", description = "only this scope (default: both)") Scope scope,
             @Option(names = "--limit", defaultValue = "100", paramLabel = "N") int limit,
             @Option(names = "--offset", defaultValue = "0", paramLabel = "N") int offset) {
        Page<Folder> page = context.client().folders().list(FolderListParams.of(scope, pageParams(offset, limit)));
        if (page.items().isEmpty() && page.offset() == 0) {
            context.err.println("no folders");
            return SightlineCli.OK;
        }
        context.out.print(Views.folders(page.items()));
        String footer = Views.pageFooter(page, "folders");
        if (footer != null) context.err.println(footer);
        return SightlineCli.OK;
    }

    @Command(name = "create", description = "Create a folder, or find the one of that name; prints its id.")
    int create(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--scope", defaultValue = "user", paramLabel = "user|org", description = "(default: ${DEFAULT-VALUE})") Scope scope) {
        Folder folder = context.client().folders().create(new FolderRequest(name, scope));
        context.out.println(folder.id());
        return SightlineCli.OK;
    }

    @Command(name = "delete", description = "Delete an empty folder.")
    int delete(@Parameters(paramLabel = "ID") String id) {
        context.client().folders().delete(id);
        context.err.println("deleted " + id);
        return SightlineCli.OK;
    }

    static PageParams pageParams(int offset, int limit) {
        try {
            return PageParams.of(offset, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
