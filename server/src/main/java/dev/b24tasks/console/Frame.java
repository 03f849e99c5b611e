package dev.b24tasks.console;

import java.util.List;

/** What every page's layout needs: the words, the signed-in person, the anti-forgery token, the menu. */
public record Frame(Texts t, Desk.Person me, String csrf, String title, String nav, List<Section> sections,
    String flash, String flashKind) {}
