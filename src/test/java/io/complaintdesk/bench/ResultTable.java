package io.complaintdesk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's results as one markdown table: a row per figure, a column per database and thread count. */
final class ResultTable {

	private final List<String> columns = new ArrayList<>();

	private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	void put(String row, String column, String value) {
		if (!this.columns.contains(column)) {
			this.columns.add(column);
		}
		this.rows.computeIfAbsent(row, (r) -> new LinkedHashMap<>()).put(column, value);
	}

	void note(String note) {
		this.notes.add(note);
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("| figure |");
		this.columns.forEach((column) -> out.append(' ').append(column).append(" |"));
		out.append("\n|---|");
		this.columns.forEach((column) -> out.append("---:|"));
		out.append('\n');
		this.rows.forEach((row, values) -> {
			out.append("| ").append(row).append(" |");
			this.columns.forEach((column) -> out.append(' ').append(values.getOrDefault(column, "")).append(" |"));
			out.append('\n');
		});
		if (!this.notes.isEmpty()) {
			out.append('\n');
			this.notes.forEach((note) -> out.append("- ").append(note).append('\n'));
		}
		return out.toString();
	}

}
