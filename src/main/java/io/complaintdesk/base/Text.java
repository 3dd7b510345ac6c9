package io.complaintdesk.base;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something a person reads, before it is written in their language: a key of the message bundles
 * ({@code messages.properties} English, {@code messages_zh.properties} Chinese) and its arguments.
 * {@link Messages} renders it; an argument that is a {@code Text} is rendered in the same language,
 * an enum constant as its label ({@code enum.Channel.PHONE} → 电话 / PHONE), a collection as its
 * items joined by {@code format.separator} (；/ ;), a number plainly
 * (no grouping). The bundles' texts with arguments are {@link java.text.MessageFormat} patterns:
 * {@code {0}}, and {@code ''} for an apostrophe.
 * <p>
 * Code, ids and logs stay English: {@link #toString()} is the English text.
 */
public final class Text implements MessageSourceResolvable {

	private static final String FIELD = "field.";

	private final String code;

	private final Object[] arguments;

	/** The text's name when there is no message for the code (a field without a label). */
	private final String fallback;

	/** Texts already written in each language (e.g. Bean Validation's), instead of a code. */
	private final Map<String, String> written;

	private Text(String code, Object[] arguments, String fallback, Map<String, String> written) {
		this.code = code;
		this.arguments = arguments;
		this.fallback = fallback;
		this.written = written;
	}

	/** The message {@code code} of the bundles with its arguments. */
	public static Text of(String code, Object... arguments) {
		return new Text(Objects.requireNonNull(code, "code"), (arguments != null) ? arguments.clone() : new Object[0],
				null, null);
	}

	/**
	 * The label of a field or process variable, {@code field.<name>} (resolution → 处理结果 /
	 * resolution); the name itself where the bundles have no label.
	 */
	public static Text field(String name) {
		return of(FIELD + name).orElse(name);
	}

	/**
	 * A text written already in both languages, e.g. what Bean Validation said in each.
	 * @param chinese the Chinese text
	 * @param english the English text
	 */
	public static Text written(String chinese, String english) {
		return new Text(null, new Object[0], english,
				Map.of(Messages.CHINESE.getLanguage(), chinese, Messages.ENGLISH.getLanguage(), english));
	}

	/** The same text, reading {@code fallback} where the bundles have no message for the code. */
	public Text orElse(String fallback) {
		return new Text(this.code, this.arguments, fallback, this.written);
	}

	/** The key, or {@code null} for a {@link #written} text. */
	public String code() {
		return this.code;
	}

	/** The arguments as given (not rendered). */
	public Object[] arguments() {
		return this.arguments.clone();
	}

	String fallback() {
		return this.fallback;
	}

	String written(String language) {
		return (this.written != null) ? this.written.get(language) : null;
	}

	@Override
	public String[] getCodes() {
		return (this.code != null) ? new String[] { this.code } : new String[0];
	}

	@Override
	public Object[] getArguments() {
		return arguments();
	}

	@Override
	public String getDefaultMessage() {
		return this.fallback;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Text text && Objects.equals(this.code, text.code)
				&& Arrays.equals(this.arguments, text.arguments) && Objects.equals(this.fallback, text.fallback)
				&& Objects.equals(this.written, text.written);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.code, Arrays.hashCode(this.arguments), this.fallback, this.written);
	}

	/** The English text, as logs and the Java API read it. */
	@Override
	public String toString() {
		return Messages.english(this);
	}

}
