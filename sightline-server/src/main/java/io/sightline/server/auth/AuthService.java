package io.sightline.server.auth;

import io.sightline.api.CreatedUser;
import io.sightline.api.Org;
import io.sightline.api.Role;
import io.sightline.api.User;
import io.sightline.server.Ids;
import io.sightline.server.http.ApiException;
import io.sightline.server.http.Names;
import io.sightline.store.StoreException;
import io.sightline.store.repo.UserRepository;
import java.util.Optional;

/** Who is calling, and the admin operations that create organisations and users. */
public final class AuthService {

    public static final String DEFAULT_ORG = "default";

    private final UserRepository users;
    private final java.time.Clock clock;

    public AuthService(UserRepository users, java.time.Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public User authenticate(String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized("missing API key: send it in the X-API-Key header or as Authorization: Bearer KEY");
        }
        return users.findByApiKeyHash(ApiKeys.hash(key.strip()))
                .orElseThrow(() -> ApiException.unauthorized("invalid API key"));
    }

    /** On first start: the default organisation and an admin; returns the admin's key, or empty when users exist. */
    public Optional<CreatedUser> bootstrapAdmin() {
        if (users.countUsers() > 0) return Optional.empty();
        Org org = users.findOrgByName(DEFAULT_ORG)
                .orElseGet(() -> users.createOrg(new Org(Ids.next("org"), DEFAULT_ORG, clock.instant())));
        return Optional.of(createUser(org.id(), "admin", Role.ADMIN));
    }

    public Org createOrg(User caller, String name) {
        requireAdmin(caller);
        String checked = Names.check("organisation name", name);
        try {
            return users.createOrg(new Org(Ids.next("org"), checked, clock.instant()));
        } catch (StoreException.Duplicate e) {
            throw ApiException.conflict("an organisation named '" + checked + "' already exists");
        }
    }

    public CreatedUser createUser(User caller, String name, String orgId, Role role) {
        requireAdmin(caller);
        String org = orgId == null ? caller.orgId() : orgId;
        if (users.findOrg(org).isEmpty()) throw ApiException.badRequest("organisation " + org + " does not exist");
        return createUser(org, Names.check("user name", name), role == null ? Role.MEMBER : role);
    }

    private CreatedUser createUser(String orgId, String name, Role role) {
        User user = users.createUser(new User(Ids.next("usr"), name, orgId, role, clock.instant()));
        String key = ApiKeys.generate();
        users.addApiKey(user.id(), ApiKeys.hash(key));
        return new CreatedUser(user, key);
    }

    private static void requireAdmin(User caller) {
        if (caller.role() != Role.ADMIN) throw ApiException.forbidden("administration (admins only)");
    }
}
