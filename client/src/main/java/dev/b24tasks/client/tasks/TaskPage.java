package dev.b24tasks.client.tasks;

import java.util.List;

/**
 * One page of {@code tasks.task.list}.
 *
 * @param tasks the page's tasks (at most 50)
 * @param total how many tasks match
 * @param next the {@code start} of the next page, or null on the last one
 */
public record TaskPage(List<Task> tasks, long total, Long next) {}
