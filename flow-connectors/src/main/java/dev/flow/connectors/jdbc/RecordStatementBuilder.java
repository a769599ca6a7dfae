package dev.flow.connectors.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flow.record.FieldPath;
import dev.flow.record.FlowRecord;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Sets a statement's parameters from record fields: JSON scalars as SQL values, others as JSON. */
final class RecordStatementBuilder implements JdbcStatementBuilder<FlowRecord> {
  private static final long serialVersionUID = 1L;

  private final List<FieldPath> fields;
  private final boolean untypedText;

  /**
   * @param untypedText send text as untyped, so that PostgreSQL reads it as the column's type (a
   *     date, a number, a uuid) instead of refusing a varchar
   */
  RecordStatementBuilder(List<FieldPath> fields, boolean untypedText) {
    this.fields = fields;
    this.untypedText = untypedText;
  }

  @Override
  public void accept(PreparedStatement st, FlowRecord record) throws SQLException {
    for (int i = 0; i < fields.size(); i++) {
      JsonNode v = record.get(fields.get(i));
      int p = i + 1;
      if (v == null || v.isNull()) {
        st.setNull(p, Types.NULL);
      } else if (v.isTextual() && untypedText) {
        st.setObject(p, v.asText(), Types.OTHER);
      } else if (v.isTextual()) {
        st.setString(p, v.asText());
      } else if (v.isIntegralNumber() && v.canConvertToLong()) {
        st.setLong(p, v.asLong());
      } else if (v.isNumber()) {
        st.setBigDecimal(p, new BigDecimal(v.asText()));
      } else if (v.isBoolean()) {
        st.setBoolean(p, v.asBoolean());
      } else {
        st.setObject(p, v.toString(), Types.OTHER);
      }
    }
  }
}
