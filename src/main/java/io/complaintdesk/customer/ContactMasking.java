package io.complaintdesk.customer;

/**
 * Contact details as staff see them who may not read them in full (POLICY §9): enough to
 * recognise a customer on the phone, not enough to call or visit them. {@code null} stays
 * {@code null}.
 */
public final class ContactMasking {

	private static final int MIN_STARS = 4;

	private static final int ADDRESS_SHOWN = 6;

	private ContactMasking() {
	}

	/**
	 * The first 3 and last 4 digits, at least 4 stars between: {@code 13912345678} →
	 * {@code 139****5678}, {@code 021-62345678} → {@code 021****5678}. Shorter numbers, where that
	 * would show nearly all digits, keep only their last 2: {@code 62345678} → {@code ******78}.
	 * Spaces, dashes and brackets are dropped.
	 */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() >= 3 + MIN_STARS + 4) {
			return digits.substring(0, 3) + stars(digits.length() - 7) + digits.substring(digits.length() - 4);
		}
		int shown = Math.min(2, digits.length() / 2);
		return stars(Math.max(MIN_STARS, digits.length() - shown)) + digits.substring(digits.length() - shown);
	}

	/**
	 * The first 6 characters and {@code ****}: {@code 上海市浦东新区张杨路1000号} → {@code 上海市浦东新****}.
	 * An address of 6 characters or fewer shows its first half only.
	 */
	public static String address(String address) {
		if (address == null) {
			return null;
		}
		String trimmed = address.strip();
		int length = trimmed.codePointCount(0, trimmed.length());
		int shown = (length > ADDRESS_SHOWN) ? ADDRESS_SHOWN : length / 2;
		return trimmed.substring(0, trimmed.offsetByCodePoints(0, shown)) + stars(MIN_STARS);
	}

	/** The first character and the domain: {@code zhang.wei@example.com} → {@code z***@example.com}. */
	public static String email(String email) {
		if (email == null) {
			return null;
		}
		String trimmed = email.strip();
		int at = trimmed.lastIndexOf('@');
		if (trimmed.isEmpty() || at == 0) {
			return "***" + ((at == 0) ? trimmed : "");
		}
		String first = trimmed.substring(0, trimmed.offsetByCodePoints(0, 1));
		return first + "***" + ((at > 0) ? trimmed.substring(at) : "");
	}

	private static String stars(int count) {
		return "*".repeat(count);
	}

}
