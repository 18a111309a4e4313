package io.sightline.server.folders;

import io.sightline.api.Folder;
import io.sightline.api.Page;
import io.sightline.api.Role;
import io.sightline.api.Scope;
import io.sightline.api.User;
import io.sightline.server.Ids;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Names;
import io.sightline.store.StoreException;
import io.sightline.store.repo.FolderRepository;

/** Folders and the one rule for who sees what: your own folders, and your organisation's. */
public final class FolderService {

    public static final String PERSONAL = "Personal";

    /** A folder and whether this call created it. */
    public record Resolved(Folder folder, boolean created) {}

    private final FolderRepository folders;
    private final java.time.Clock clock;

    public FolderService(FolderRepository folders, java.time.Clock clock) {
        this.folders = folders;
        this.clock = clock;
    }

    public static boolean canSee(User user, Folder folder) {
        return folder.scope() == Scope.USER ? folder.ownerId().equals(user.id()) : folder.ownerId().equals(user.orgId());
    }

    public Resolved createOrGet(User user, String name, Scope scope) {
        String checked = Names.check("folder name", name);
        Scope effective = scope == null ? Scope.USER : scope;
        String ownerId = effective == Scope.USER ? user.id() : user.orgId();
        var existing = folders.findByName(effective, ownerId, checked);
        if (existing.isPresent()) return new Resolved(existing.get(), false);
        try {
            return new Resolved(folders.create(new Folder(Ids.next("fld"), checked, effective, ownerId, 0, clock.instant()), user.id()), true);
        } catch (StoreException.Duplicate raced) {
            return new Resolved(folders.findByName(effective, ownerId, checked).orElseThrow(), false);
        }
    }

    public Folder get(User user, String id) {
        Folder folder = folders.find(id).orElseThrow(() -> ApiException.notFound("folder " + id));
        if (!canSee(user, folder)) throw ApiException.forbidden("folder " + id);
        return folder;
    }

    /** The folder without an access check, for callers that apply {@link #canSee} themselves. */
    public java.util.Optional<Folder> find(String id) {
        return folders.find(id);
    }

    public Page<Folder> list(User user, Scope scope, int offset, int limit) {
        return folders.listVisible(user.id(), user.orgId(), scope, offset, limit);
    }

    /** Your own folders; organisation folders only as an admin. Only empty folders go. */
    public void delete(User user, String id) {
        Folder folder = get(user, id);
        if (folder.scope() == Scope.ORG && user.role() != Role.ADMIN) throw ApiException.forbidden("deleting organisation folder " + id);
        if (folder.videoCount() > 0) throw ApiException.conflict("folder " + id + " still holds " + folder.videoCount() + " videos");
        folders.delete(id);
    }

    /** Where an upload goes: a given folder id, a folder name (created if missing), or the personal folder. */
    public Folder forUpload(User user, String folderId, String folderName, Scope scope) {
        if (folderId != null && !folderId.isBlank()) return get(user, folderId.strip());
        if (folderName != null && !folderName.isBlank()) return createOrGet(user, folderName, scope).folder();
        return createOrGet(user, PERSONAL, Scope.USER).folder();
    }
}
