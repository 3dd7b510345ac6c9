package io.complaintdesk.complaint;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.complaintdesk.base.Amounts;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.ComplaintRegistry.RoundRecord;

/**
 * Every handling round of a case in a few lines (issue 15 item 4), so that nobody loses the
 * context between rounds: round, level, handler, resolution, compensation, the callback's answer
 * and note. Read from the registry (table {@code complaint_round}, the case's record) and kept in
 * the variable {@code roundsSummary} of every task of the case when the task is created
 * ({@link CaseTasks}), which the desk's forms show as Markdown at their top.
 */
@Component("roundsSummary")
public class RoundsSummary {

	/** A resolution or note is cut after this many characters: a summary, not the record. */
	static final int MAX_TEXT = 160;

	private final ComplaintRegistry registry;

	RoundsSummary(ComplaintRegistry registry) {
		this.registry = registry;
	}

	/** The summary of the case's rounds (Markdown, Chinese), or "" before its first round. */
	public String of(String caseNumber) {
		if (caseNumber == null) {
			return "";
		}
		return of(this.registry.rounds(caseNumber));
	}

	static String of(List<RoundRecord> rounds) {
		if (rounds.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder(Messages.chinese(Text.of("rounds.heading")));
		for (RoundRecord round : rounds) {
			text.append("\n- ").append(line(round));
		}
		return text.toString();
	}

	static String line(RoundRecord round) {
		List<String> parts = new ArrayList<>();
		parts.add(Messages.chinese(Text.of("rounds.round", round.round(),
				Text.of("level.short." + round.level()).orElse(String.valueOf(round.level())))));
		if (round.major()) {
			parts.add(Messages.chinese(Text.of("rounds.major")));
		}
		parts.add((round.handledBy() != null) ? Messages.chinese(Text.of("rounds.handler", plain(round.handledBy())))
				: Messages.chinese(Text.of("rounds.notHandled")));
		if (round.resolution() != null && !round.resolution().isBlank()) {
			parts.add(Messages.chinese(Text.of("rounds.resolution", plain(round.resolution()))));
		}
		if (round.compensationAmount() != null) {
			parts.add(Messages.chinese(Text.of("rounds.amount", Amounts.yuan(round.compensationAmount()))));
		}
		if (Boolean.TRUE.equals(round.reached()) && round.satisfaction() != null) {
			parts.add(Messages.chinese(Text.of("rounds.callback", Text.of("satisfaction." + round.satisfaction()))));
		}
		else if (round.callbackAttempts() > 0) {
			parts.add(Messages.chinese(Text.of("rounds.unreached", round.callbackAttempts())));
		}
		if (round.callbackNote() != null && !round.callbackNote().isBlank()) {
			parts.add(Messages.chinese(Text.of("rounds.callbackNote", plain(round.callbackNote()))));
		}
		return String.join(" · ", parts);
	}

	/** What a person typed, on one line, shortened, with nothing Markdown would read as markup. */
	static String plain(String typed) {
		String line = typed.replaceAll("\\s+", " ").trim();
		if (line.codePointCount(0, line.length()) > MAX_TEXT) {
			line = line.substring(0, line.offsetByCodePoints(0, MAX_TEXT)) + "…";
		}
		return line.replaceAll("([\\\\`*_\\[\\]{}()<>#|!~+-])", "\\\\$1");
	}

}
