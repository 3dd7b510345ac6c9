package io.complaintdesk.complaint;

import io.complaintdesk.base.Text;

/** Words about a case that mails and messages share, before they are written in a language. */
public final class ComplaintTexts {

	private ComplaintTexts() {
	}

	/** The complainant's name, or "匿名投诉人" / "an anonymous complainant" (POLICY §2). */
	public static Object complainant(String customerName) {
		return (customerName == null || customerName.isBlank()) ? Text.of("complaint.anonymous") : customerName;
	}

	/** A level with its name: 二级（较严重投诉） / 2. */
	public static Text level(Integer level) {
		return Text.of("level." + level).orElse(String.valueOf(level));
	}

}
