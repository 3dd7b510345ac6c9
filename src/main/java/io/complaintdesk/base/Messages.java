package io.complaintdesk.base;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The desk's two languages and its message bundles: everything a person reads that the server
 * writes — refusals, problem details, mails, report texts, filter names — is a {@link Text} rendered
 * here, Chinese first. {@code messages.properties} holds the English texts, {@code messages_zh.properties}
 * the Chinese ones, with the same keys (in the words of {@code GLOSSARY.md}).
 * <p>
 * Chinese is the default: a request without {@code Accept-Language}, or whose languages are neither
 * Chinese nor English, reads Chinese; {@code Accept-Language: en} reads English. The bundles are one
 * {@link MessageSource}, also the application's {@code messageSource} bean (so Bean Validation and
 * Spring MVC use the same texts), and never fall back to the server's own locale.
 */
public final class Messages {

	private static final Logger log = LoggerFactory.getLogger(Messages.class);

	/** Simplified Chinese: the staff's language and the default. */
	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	/** English: {@code Accept-Language: en}, {@code ?lang=en}, logs and the Java API. */
	public static final Locale ENGLISH = Locale.ENGLISH;

	/** The languages the bundles are written in, the default first. */
	public static final List<Locale> LANGUAGES = List.of(CHINESE, ENGLISH);

	/** The base name of the bundles on the class path. */
	public static final String BASENAME = "messages";

	private static final ResourceBundleMessageSource SOURCE = bundles();

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Messages() {
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename(BASENAME);
		source.setDefaultEncoding("UTF-8");
		// messages_zh or else messages.properties (English), whatever the server's own locale is
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** The bundles as a Spring {@link MessageSource}. */
	public static MessageSource source() {
		return SOURCE;
	}

	/** The text in Chinese. */
	public static String chinese(Text text) {
		return render(text, CHINESE);
	}

	/** The text in English. */
	public static String english(Text text) {
		return render(text, ENGLISH);
	}

	/** The text in Chinese, then — after a blank line — in English: mail bodies. */
	public static String bilingual(Text text) {
		return chinese(text) + "\n\n" + english(text);
	}

	/** The text in the language of the locale: Chinese unless it is English. */
	public static String render(Text text, Locale locale) {
		Locale language = supported(locale);
		if (text.code() == null) {
			String written = text.written(language.getLanguage());
			return (written != null) ? written : text.fallback();
		}
		Object[] arguments = Arrays.stream(text.arguments()).map((argument) -> argument(argument, language)).toArray();
		String message = SOURCE.getMessage(text.code(), arguments, text.fallback(), language);
		if (message == null) {
			log.warn("No message '{}' in the bundles '{}'", text.code(), BASENAME);
			return text.code() + Arrays.toString(arguments);
		}
		return message;
	}

	/**
	 * The text in the language of the current thread ({@link LocaleContextHolder}: the request's in
	 * Spring MVC) as a Bean Validation message template that is taken literally: nothing in it is
	 * interpolated or evaluated.
	 */
	public static String template(Text text) {
		return render(text, LocaleContextHolder.getLocale()).replace("\\", "\\\\")
			.replace("{", "\\{")
			.replace("}", "\\}")
			.replace("$", "\\$");
	}

	/** Does the work with the thread's locale set to the language, e.g. Bean Validation in that language. */
	public static <T> T in(Locale language, Supplier<T> work) {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(supported(language));
		try {
			return work.get();
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	/** A moment as people read it in the zone: {@code 2026-11-23 10:05}; empty for none. */
	public static String dateTime(Instant at, ZoneId zone) {
		return (at != null) ? DATE_TIME.format(at.atZone(zone)) : "";
	}

	/** The label of an enum constant, {@code enum.<SimpleName>.<CONSTANT>}; its name where there is none. */
	public static Text label(Enum<?> constant) {
		return Text.of("enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name())
			.orElse(constant.name());
	}

	/**
	 * The language of a request's {@code Accept-Language} header: the first of its languages (by
	 * weight) that is Chinese or English; Chinese when there is none or no header.
	 */
	public static Locale language(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return CHINESE;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			return CHINESE;
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() <= 0) {
				continue;
			}
			String tag = range.getRange().toLowerCase(Locale.ROOT);
			if (tag.equals("en") || tag.startsWith("en-")) {
				return ENGLISH;
			}
			if (tag.equals("zh") || tag.startsWith("zh-") || tag.equals("*")) {
				return CHINESE;
			}
		}
		return CHINESE;
	}

	/** The language of a {@code lang} request parameter: {@code en} is English, anything else Chinese. */
	public static Locale languageParameter(String lang) {
		return (lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("en")) ? ENGLISH : CHINESE;
	}

	/** {@link #ENGLISH} for an English locale, {@link #CHINESE} for any other. */
	public static Locale supported(Locale locale) {
		return (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) ? ENGLISH : CHINESE;
	}

	private static Object argument(Object argument, Locale language) {
		if (argument instanceof Text text) {
			return render(text, language);
		}
		if (argument instanceof Enum<?> constant) {
			return render(label(constant), language);
		}
		if (argument instanceof Collection<?> items) {
			// a list of texts: each in the language, joined as the language joins clauses ("；" / "; ")
			String separator = render(Text.of("format.separator"), language);
			return items.stream()
				.map((item) -> String.valueOf(argument(item, language)))
				.collect(Collectors.joining(separator));
		}
		if (argument instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (argument instanceof Double || argument instanceof Float) {
			double value = ((Number) argument).doubleValue();
			return (Double.isFinite(value)) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
					: String.valueOf(value);
		}
		if (argument instanceof Number number) {
			// MessageFormat would group 4000 as 4,000
			return number.toString();
		}
		return (argument != null) ? argument : "";
	}

}
