package io.complaintdesk.complaint.casefile;

/**
 * The name an attachment is shown and downloaded under: the last segment of whatever the client
 * sent ({@code ../../etc/passwd} → {@code passwd}, {@code C:\x.jpg} → {@code x.jpg}), without control
 * or bidirectional-override characters, without leading dots, at most {@value #MAX_LENGTH}
 * characters. It is stored in the database only: no name ever reaches a file system.
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	/** shown for a file that came without a usable name (附件 = attachment) */
	static final String UNNAMED = "附件";

	private FileNames() {
	}

	static String sanitise(String original) {
		if (original == null) {
			return UNNAMED;
		}
		String name = original;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && c != ':'
					&& c != '"' && c != '<' && c != '>' && c != '|' && c != '*' && c != '?')
			.forEach(clean::appendCodePoint);
		name = clean.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.isBlank()) {
			return UNNAMED;
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			int dot = name.lastIndexOf('.');
			String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
			name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH - extension.length())) + extension;
		}
		return name;
	}

}
