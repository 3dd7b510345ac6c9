package io.complaintdesk.base;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money as staff read it (issue 15 item 9): yuan with thousands separators, "¥12,345.00". */
public final class Amounts {

	private Amounts() {
	}

	/** "¥1,234.50"; "—" when there is no amount. */
	public static String yuan(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		DecimalFormat format = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(amount);
	}

	public static String yuan(Number amount) {
		return (amount == null) ? yuan((BigDecimal) null) : yuan(new BigDecimal(amount.toString()));
	}

}
