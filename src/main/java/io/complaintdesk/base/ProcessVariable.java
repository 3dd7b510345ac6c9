package io.complaintdesk.base;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and Java type, so that no delegate spells a variable name
 * twice or casts {@code Object}. Enums are stored as their upper-case names (CONTRACT: enum
 * values are strings); numbers are converted, because forms and REST clients send Long or Double
 * where the model means Integer.
 */
public final class ProcessVariable<T> {

	private final String name;

	private final Class<T> type;

	private ProcessVariable(String name, Class<T> type) {
		this.name = name;
		this.type = type;
	}

	public static <T> ProcessVariable<T> of(String name, Class<T> type) {
		return new ProcessVariable<>(name, type);
	}

	public String name() {
		return this.name;
	}

	public Class<T> type() {
		return this.type;
	}

	/** The value, or {@code null} when the variable is absent or null. */
	public T get(VariableScope scope) {
		return convert(scope.getVariable(this.name));
	}

	public Optional<T> find(VariableScope scope) {
		return Optional.ofNullable(get(scope));
	}

	/** The value; a clear user error when it is missing. */
	public T require(VariableScope scope) {
		T value = get(scope);
		if (value == null) {
			throw Refusal.of("refusal.required", Text.field(this.name));
		}
		return value;
	}

	public T getOrDefault(VariableScope scope, T defaultValue) {
		T value = get(scope);
		return (value != null) ? value : defaultValue;
	}

	public void set(VariableScope scope, T value) {
		scope.setVariable(this.name, store(value));
	}

	public void remove(VariableScope scope) {
		scope.removeVariable(this.name);
	}

	/** The value read from a plain map, e.g. the variables handed to a start form. */
	public T from(Map<String, ?> variables) {
		return convert(variables.get(this.name));
	}

	/** Writes the value into a plain map in the form the engine stores it. */
	public void putInto(Map<String, Object> variables, T value) {
		variables.put(this.name, store(value));
	}

	private Object store(T value) {
		return (value instanceof Enum<?> e) ? e.name() : value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private T convert(Object raw) {
		if (raw == null || this.type.isInstance(raw)) {
			return (T) raw;
		}
		try {
			if (this.type.isEnum() && raw instanceof String text) {
				return (T) Enum.valueOf((Class<Enum>) this.type, text.trim().toUpperCase());
			}
			if (raw instanceof Number number) {
				if (this.type == Integer.class) {
					return (T) Integer.valueOf(Math.toIntExact(number.longValue()));
				}
				if (this.type == Long.class) {
					return (T) Long.valueOf(number.longValue());
				}
				if (this.type == Double.class) {
					return (T) Double.valueOf(number.doubleValue());
				}
			}
			if (this.type == Boolean.class && raw instanceof String text
					&& (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
				return (T) Boolean.valueOf(text);
			}
			if (raw instanceof String text && !text.isBlank()) {
				if (this.type == Integer.class) {
					return (T) Integer.valueOf(text.trim());
				}
				if (this.type == Double.class) {
					return (T) Double.valueOf(text.trim());
				}
			}
			if (raw instanceof String text && text.isBlank() && this.type != String.class) {
				return null;
			}
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw Refusal.of("refusal.invalidValue", Text.field(this.name), shown(raw));
		}
		throw Refusal.of("refusal.wrongType", Text.field(this.name),
				Text.of("type." + this.type.getSimpleName()).orElse(this.type.getSimpleName()), shown(raw));
	}

	/** The refused value as the person sent it, cut short: a refusal never repeats a whole text. */
	private static String shown(Object raw) {
		String text = String.valueOf(raw);
		return (text.length() <= 40) ? text : text.substring(0, 39) + "…";
	}

	@Override
	public String toString() {
		return this.name;
	}

}
