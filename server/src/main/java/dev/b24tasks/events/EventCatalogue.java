package dev.b24tasks.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events this portal fires, the scope each belongs to, and the exact {@code data} of the task events
 * (CTaskRestService::onEventFilter, CTaskCommentItem::onEventFilter). Names are upper case everywhere.
 */
public final class EventCatalogue {
  private EventCatalogue() {}

  public static final String ONTASKADD = "ONTASKADD";
  public static final String ONTASKUPDATE = "ONTASKUPDATE";
  public static final String ONTASKDELETE = "ONTASKDELETE";
  public static final String ONTASKCOMMENTADD = "ONTASKCOMMENTADD";
  public static final String ONTASKCOMMENTUPDATE = "ONTASKCOMMENTUPDATE";
  public static final String ONTASKCOMMENTDELETE = "ONTASKCOMMENTDELETE";
  public static final String ONAPPINSTALL = "ONAPPINSTALL";
  public static final String ONAPPUNINSTALL = "ONAPPUNINSTALL";
  public static final String ONAPPUPDATE = "ONAPPUPDATE";
  public static final String ONAPPTEST = "ONAPPTEST";
  public static final String ONOFFLINEEVENT = "ONOFFLINEEVENT";

  /** Scope {@code task} (not REST 3.0's {@code tasks}): exactly these six. */
  public static final List<String> TASK = List.of(ONTASKADD, ONTASKUPDATE, ONTASKDELETE, ONTASKCOMMENTADD,
      ONTASKCOMMENTUPDATE, ONTASKCOMMENTDELETE);

  /** The global scope: every app may bind these. */
  public static final List<String> GLOBAL = List.of(ONAPPINSTALL, ONAPPUPDATE, ONAPPUNINSTALL, ONAPPTEST,
      ONOFFLINEEVENT);

  /** Events whose {@code auth} carries the refresh token as well (sendRefreshToken). */
  static final Set<String> WITH_REFRESH_TOKEN = Set.of(ONAPPINSTALL, ONAPPUPDATE, ONAPPTEST, ONOFFLINEEVENT);

  /** Events whose {@code auth} carries no tokens at all (sendAuth=false). */
  static final Set<String> WITHOUT_TOKENS = Set.of(ONAPPUNINSTALL);

  /** The scopes that own events, in the order {@code events FULL} lists them. */
  static final Map<String, List<String>> BY_SCOPE = Map.of("task", TASK);

  /** The events an app with these scopes may bind: its scopes' events, then the global ones. */
  static List<String> forScopes(Set<String> scopes) {
    List<String> out = new ArrayList<>();
    for (String s : List.of("task")) {
      if (scopes.contains(s)) out.addAll(BY_SCOPE.get(s));
    }
    out.addAll(GLOBAL);
    return out;
  }

  static List<String> all() {
    List<String> out = new ArrayList<>(TASK);
    out.addAll(GLOBAL);
    return out;
  }

  static boolean known(String name) {
    return TASK.contains(name) || GLOBAL.contains(name);
  }

  private static final String UNDEFINED = "undefined";

  static Map<String, Object> taskAdd(long taskId) {
    return data(UNDEFINED, Map.of("ID", taskId), "N", UNDEFINED);
  }

  static Map<String, Object> taskUpdate(long taskId) {
    return data(Map.of("ID", taskId), Map.of("ID", taskId), UNDEFINED, UNDEFINED);
  }

  static Map<String, Object> taskDelete(long taskId) {
    return data(Map.of("ID", taskId), UNDEFINED, UNDEFINED, "N");
  }

  static Map<String, Object> commentAdd(long commentId, long taskId) {
    // IS_ACCESSIBLE_BEFORE "N" as the source has it (the doc example's "undefined" is wrong)
    return data(UNDEFINED, comment(commentId, taskId, null), "N", UNDEFINED);
  }

  /** A message of the new card's task chat: {@code {"ID":0,"TASK_ID":…,"MESSAGE_ID":…}}. */
  static Map<String, Object> chatMessageAdd(long messageId, long taskId) {
    Map<String, Object> after = comment(0, taskId, null);
    after.put("MESSAGE_ID", messageId);
    return data(UNDEFINED, after, "N", UNDEFINED);
  }

  static Map<String, Object> commentUpdate(long commentId, long taskId) {
    return data(comment(commentId, taskId, null), comment(commentId, taskId, "EDIT"), UNDEFINED, UNDEFINED);
  }

  static Map<String, Object> commentDelete(long commentId, long taskId) {
    return data(comment(commentId, taskId, null), comment(commentId, taskId, "DEL"), UNDEFINED, UNDEFINED);
  }

  private static Map<String, Object> comment(long id, long taskId, String action) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ID", id);
    m.put("TASK_ID", taskId);
    if (action != null) m.put("ACTION", action);
    return m;
  }

  private static Map<String, Object> data(Object before, Object after, String accessibleBefore,
      String accessibleAfter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("FIELDS_BEFORE", before);
    m.put("FIELDS_AFTER", after);
    m.put("IS_ACCESSIBLE_BEFORE", accessibleBefore);
    m.put("IS_ACCESSIBLE_AFTER", accessibleAfter);
    return m;
  }
}
