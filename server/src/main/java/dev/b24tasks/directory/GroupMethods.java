package dev.b24tasks.directory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Call;
import dev.b24tasks.rest.MethodRegistry;
import dev.b24tasks.rest.Page;
import dev.b24tasks.rest.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code sonet_group.*}: workgroups, their members and roles. Any employee may create a group and becomes its
 * owner; the owner or an administrator changes or deletes it; administrators add and remove members.
 */
public final class GroupMethods {
  private static final Map<String, FilterSql.Column> FILTERABLE = Map.of(
      "ID", new FilterSql.Column("g.id", FilterSql.Type.ID),
      "NAME", new FilterSql.Column("g.name", FilterSql.Type.TEXT),
      "OWNER_ID", new FilterSql.Column("g.owner_id", FilterSql.Type.ID),
      "VISIBLE", new FilterSql.Column("g.visible", FilterSql.Type.BOOL),
      "OPENED", new FilterSql.Column("g.opened", FilterSql.Type.BOOL),
      "CLOSED", new FilterSql.Column("g.closed", FilterSql.Type.BOOL),
      "PROJECT", new FilterSql.Column("g.project", FilterSql.Type.BOOL),
      "DATE_CREATE", new FilterSql.Column("g.created_at", FilterSql.Type.DATE),
      "DATE_UPDATE", new FilterSql.Column("g.updated_at", FilterSql.Type.DATE),
      "DATE_ACTIVITY", new FilterSql.Column("g.activity_at", FilterSql.Type.DATE));
  private static final Map<String, String> SORTABLE = Map.of("ID", "g.id", "NAME", "g.name", "OWNER_ID", "g.owner_id",
      "DATE_CREATE", "g.created_at", "DATE_UPDATE", "g.updated_at", "DATE_ACTIVITY", "g.activity_at",
      "NUMBER_OF_MEMBERS", "members");

  private final Directory directory;
  private final Workgroups groups;

  public GroupMethods(Directory directory, Workgroups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public void register(MethodRegistry r) {
    r.named("sonet_group.create", "sonet_group", this::create);
    r.namedRead("sonet_group.get", "sonet_group", this::get);
    r.named("sonet_group.update", "sonet_group", this::update);
    r.named("sonet_group.delete", "sonet_group", this::delete);
    r.named("sonet_group.setowner", "sonet_group", this::setOwner);
    r.namedRead("sonet_group.feature.access", "sonet_group", this::featureAccess);
    r.named("sonet_group.user.add", "sonet_group", this::addUsers);
    r.namedRead("sonet_group.user.get", "sonet_group", this::users);
    r.named("sonet_group.user.update", "sonet_group", this::updateUsers);
    r.named("sonet_group.user.delete", "sonet_group", this::deleteUsers);
  }

  Object create(Call call) {
    Params p = fields(call.params());
    Workgroups.Change c = change(p);
    if (c.name() == null || c.name().isBlank()) throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    if (!directory.exists(call.userId())) throw DirectoryErrors.sonet("SONET_NO_CREATE");
    long owner = call.userId();
    if (c.ownerId() != null && directory.isAdmin(call.userId())) {
      if (!directory.exists(c.ownerId())) throw DirectoryErrors.sonet("SONET_BAD_INPUT");
      owner = c.ownerId();
    }
    return groups.create(new Workgroups.Change(c.name(), c.description(), c.keywords(), c.visible(), c.opened(),
        c.closed(), c.project(), c.initiatePerms(), owner, c.image()));
  }

  Object get(Call call) {
    Params p = call.params();
    FilterSql f = new FilterSql(FILTERABLE, directory.zoneOf(call.userId()));
    JsonNode filter = p.first("FILTER", "filter");
    if (filter != null && filter.isObject()) filter.properties().forEach(e -> f.add(e.getKey(), e.getValue()));
    OptionalLong groupId = Input.integer(p.get("GROUP_ID"), "GROUP_ID",
        (k, v) -> DirectoryErrors.argument("BAD_FILTER_VALUE", v, k));
    if (groupId.isPresent()) f.raw("g.id = ?", groupId.getAsLong());
    boolean seeAll = directory.isAdmin(call.userId()) && Params.truthy(p.get("IS_ADMIN"));
    if (!seeAll) {
      f.raw("g.visible OR EXISTS (SELECT 1 FROM workgroup_members m WHERE m.group_id = g.id AND m.user_id = ?)",
          call.userId());
    }
    String orderBy = orderBy(p.first("ORDER", "order"));
    long start = Math.max(0, Params.phpInt(p.get("start")));
    var zone = directory.zoneOf(call.userId());
    List<Workgroups.Workgroup> rows = groups.list(f.where(), f.args(), orderBy, start, Page.SIZE);
    List<Object> out = new ArrayList<>();
    for (Workgroups.Workgroup g : rows) out.add(DirectoryViews.workgroup(g, zone));
    return Page.of(out, start, rows.size(), groups.count(f.where(), f.args()));
  }

  Object update(Call call) {
    Params p = fields(call.params());
    Workgroups.Workgroup g = existing(p.first("GROUP_ID", "ID"));
    if (!ownerOrAdmin(g, call.userId())) throw DirectoryErrors.sonet("SONET_NO_UPDATE");
    Workgroups.Change c = change(p);
    if (c.name() != null && c.name().isBlank()) throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    if (c.ownerId() != null && !directory.exists(c.ownerId())) throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    groups.update(g.id(), c);
    return g.id();
  }

  Object delete(Call call) {
    Workgroups.Workgroup g = existing(call.params().first("GROUP_ID", "ID"));
    if (!ownerOrAdmin(g, call.userId())) throw DirectoryErrors.sonet("SONET_NO_DELETE");
    groups.delete(g.id());
    return true;
  }

  Object setOwner(Call call) {
    Params p = call.params();
    Workgroups.Workgroup g = existing(p.first("GROUP_ID", "ID"));
    if (!ownerOrAdmin(g, call.userId())) throw DirectoryErrors.sonet("SONET_NO_UPDATE");
    List<Long> user = Input.ids(p.get("USER_ID"));
    if (user == null || user.size() != 1 || !directory.exists(user.get(0))) {
      throw DirectoryErrors.sonet("SONET_WRONG_USER_IDS");
    }
    groups.changeOwner(g.id(), user.get(0));
    return true;
  }

  /** Whether the caller may perform OPERATION of FEATURE (only "tasks" is known here) in the group. */
  Object featureAccess(Call call) {
    Params p = call.params();
    Workgroups.Workgroup g = existing(p.first("GROUP_ID", "ID"));
    String feature = Input.text(p.get("FEATURE"));
    GroupPermission perm = GroupPerms.fromOperation(String.valueOf(Input.text(p.get("OPERATION"))));
    if (!"tasks".equalsIgnoreCase(feature) || perm == null) {
      throw DirectoryErrors.sonet("SONET_BAD_FEATURE", feature + "/" + Input.text(p.get("OPERATION")));
    }
    return directory.groupAllows(g.id(), call.userId(), perm);
  }

  Object addUsers(Call call) {
    Params p = call.params();
    Workgroups.Workgroup g = existing(p.get("GROUP_ID"));
    if (!directory.isAdmin(call.userId())) throw DirectoryErrors.sonet("SONET_NO_ADD_USERS");
    return strings(groups.addMembers(g.id(), userIds(p)));
  }

  Object users(Call call) {
    Params p = call.params();
    OptionalLong id = groupId(p.first("ID", "GROUP_ID"), "SONET_WRONG_SONET_GROUP_ID");
    Workgroups.Workgroup g = groups.find(id.getAsLong())
        .filter(w -> w.visible() || directory.isAdmin(call.userId())
            || directory.groupRole(w.id(), call.userId()).isPresent())
        .orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
    List<Object> out = new ArrayList<>();
    for (Workgroups.Member m : groups.members(g.id())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("USER_ID", Long.toString(m.userId()));
      row.put("ROLE", m.role());
      out.add(row);
    }
    return out;
  }

  Object updateUsers(Call call) {
    Params p = call.params();
    Workgroups.Workgroup g = existing(p.get("GROUP_ID"));
    if (!ownerOrAdmin(g, call.userId())) throw DirectoryErrors.sonet("SONET_NO_UPDATE_ROLES");
    String role = Input.text(p.get("ROLE"));
    if (!"E".equals(role) && !"K".equals(role)) throw DirectoryErrors.sonet("SONET_BAD_ROLE", "ROLE", role);
    return strings(groups.setRole(g.id(), userIds(p), role));
  }

  Object deleteUsers(Call call) {
    Params p = call.params();
    Workgroups.Workgroup g = existing(p.get("GROUP_ID"));
    if (!directory.isAdmin(call.userId())) throw DirectoryErrors.sonet("SONET_NO_UPDATE_ROLES");
    return strings(groups.removeMembers(g.id(), userIds(p)));
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** sonet_group.create/update take their fields at the top level, or inside arFields as older clients send. */
  private static Params fields(Params p) {
    JsonNode inner = p.get("arFields");
    if (inner != null && inner.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode merged = p.root().deepCopy();
      merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) inner);
      return new Params(merged);
    }
    return p;
  }

  private static Workgroups.Change change(Params p) {
    JsonNode name = p.get("NAME");
    if (name != null && name.isContainerNode()) throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    String perms = Input.text(p.get("INITIATE_PERMS"));
    if (perms != null && !perms.isEmpty() && !List.of("A", "E", "K").contains(perms)) {
      throw DirectoryErrors.sonet("SONET_BAD_ROLE", "INITIATE_PERMS", perms);
    }
    OptionalLong owner = Input.integer(p.get("OWNER_ID"), "OWNER_ID", (k, v) -> DirectoryErrors.sonet("SONET_BAD_INPUT"));
    JsonNode image = p.get("IMAGE");
    if (image != null && image.isContainerNode()) throw DirectoryErrors.sonet("SONET_BAD_INPUT");
    return new Workgroups.Change(Input.text(name), Input.text(p.get("DESCRIPTION")), Input.text(p.get("KEYWORDS")),
        flag(p, "VISIBLE"), flag(p, "OPENED"), flag(p, "CLOSED"), flag(p, "PROJECT"),
        perms == null || perms.isEmpty() ? null : perms, owner.isPresent() ? owner.getAsLong() : null,
        Input.text(image));
  }

  private static Boolean flag(Params p, String field) {
    Optional<Boolean> f = Input.flag(p.get(field));
    if (f == null) throw DirectoryErrors.sonet("SONET_BAD_FLAG", field, Params.display(p.get(field)));
    return f.orElse(null);
  }

  private Workgroups.Workgroup existing(JsonNode id) {
    OptionalLong n = groupId(id, "SONET_WRONG_GROUP_ID");
    return groups.find(n.getAsLong()).orElseThrow(() -> DirectoryErrors.sonet("SONET_GROUP_NOT_FOUND"));
  }

  private static OptionalLong groupId(JsonNode v, String errorKey) {
    OptionalLong n = Input.integer(v, "GROUP_ID", (k, s) -> DirectoryErrors.sonet(errorKey));
    if (n.isEmpty() || n.getAsLong() <= 0) throw DirectoryErrors.sonet(errorKey);
    return n;
  }

  private static List<Long> userIds(Params p) {
    List<Long> ids = Input.ids(p.get("USER_ID"));
    if (ids == null || ids.isEmpty()) throw DirectoryErrors.sonet("SONET_WRONG_USER_IDS");
    return ids;
  }

  private boolean ownerOrAdmin(Workgroups.Workgroup g, long userId) {
    return g.ownerId() == userId || directory.isAdmin(userId);
  }

  private static String orderBy(JsonNode order) {
    List<String> parts = new ArrayList<>();
    if (order != null && order.isObject()) {
      order.properties().forEach(e -> {
        String col = SORTABLE.get(e.getKey().toUpperCase(Locale.ROOT));
        if (col != null) parts.add(col + ("ASC".equalsIgnoreCase(e.getValue().asText()) ? " ASC" : " DESC"));
      });
    }
    parts.add("g.id DESC");
    return String.join(", ", parts);
  }

  private static List<String> strings(List<Long> ids) {
    return ids.stream().map(String::valueOf).toList();
  }
}
