package dev.flotilla.reference;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Maps rows of the reference tables to the public records. */
final class Rows {

    private Rows() {
    }

    static Country country(ResultSet row) throws SQLException {
        return new Country(row.getString("alpha2"), row.getString("alpha3"), row.getString("numeric_code"),
                row.getString("name"), row.getString("calling_code"), row.getString("currency_code"));
    }

    static Currency currency(ResultSet row) throws SQLException {
        int minorUnits = row.getInt("minor_units");
        Integer nullableMinorUnits = row.wasNull() ? null : minorUnits;
        return new Currency(row.getString("code"), row.getString("numeric_code"), row.getString("name"),
                nullableMinorUnits);
    }

    static City city(ResultSet row) throws SQLException {
        return new City(row.getLong("id"), row.getString("country_code"), row.getString("name"),
                row.getLong("population"), row.getString("time_zone"), row.getDouble("latitude"),
                row.getDouble("longitude"));
    }

    static ExchangeRate exchangeRate(ResultSet row) throws SQLException {
        return new ExchangeRate(row.getString("currency_code"), new BigDecimal(row.getString("units_per_eur")),
                LocalDate.parse(row.getString("as_of")), row.getString("source"));
    }

    static TaxRate taxRate(ResultSet row) throws SQLException {
        return new TaxRate(row.getString("country_code"), TaxRate.Kind.valueOf(row.getString("kind")),
                new BigDecimal(row.getString("standard_rate")), LocalDate.parse(row.getString("as_of")),
                row.getString("source"));
    }

    static Category category(ResultSet row) throws SQLException {
        return new Category(row.getString("slug"), row.getString("name"), row.getString("parent_slug"),
                row.getInt("level"));
    }
}
