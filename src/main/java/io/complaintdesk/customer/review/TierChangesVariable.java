package io.complaintdesk.customer.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A list of {@link ProposedTierChange}s kept as a Spin JSON variable (type {@code Json}): readable
 * in Cockpit, parsed by Tasklist for the form's table, and free of Java serialization (which the
 * engine refuses) and of class names in the stored value.
 */
final class TierChangesVariable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<ProposedTierChange>> LIST = new TypeReference<>() {
	};

	private final String name;

	TierChangesVariable(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	/** The list; empty when the variable is absent. */
	List<ProposedTierChange> get(VariableScope scope) {
		TypedValue value = scope.getVariableTyped(this.name, false);
		if (value instanceof SerializableValue json && json.getValueSerialized() != null) {
			return fromJson(json.getValueSerialized());
		}
		if (value == null || value.getValue() == null) {
			return List.of();
		}
		// a JSON string, e.g. set over REST as a String variable
		return fromJson(value.getValue().toString());
	}

	void set(VariableScope scope, List<ProposedTierChange> changes) {
		scope.setVariable(this.name, SpinValues.jsonValue(toJson(changes)).create());
	}

	static String toJson(List<ProposedTierChange> changes) {
		try {
			return JSON.writeValueAsString(changes);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Tier changes cannot be written as JSON", ex);
		}
	}

	static List<ProposedTierChange> fromJson(String json) {
		try {
			return List.copyOf(JSON.readValue(json, LIST));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Tier changes cannot be read from JSON", ex);
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
