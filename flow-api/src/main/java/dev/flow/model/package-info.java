/**
 * The flow model: a parsed flow ({@link dev.flow.model.FlowDef}), its stages ({@link
 * dev.flow.model.StageDef}) and their props as located YAML values ({@link dev.flow.model.Node}),
 * and the located findings about it ({@link dev.flow.model.Problem}).
 *
 * <p>It depends on nothing but the JDK (not even on the rest of Flow, nor on Flink or a YAML
 * parser), so the parser, the validator, the tools and the server share it. Action authors rarely
 * need it: an action sees its props bound to its options record. The model is not yet {@link
 * dev.flow.api.Stable}: new fields may be added to its records.
 */
package dev.flow.model;
