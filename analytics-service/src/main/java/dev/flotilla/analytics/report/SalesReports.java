package dev.flotilla.analytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.flotilla.analytics.aggregate.Dimension;
import dev.flotilla.analytics.aggregate.Generations;
import dev.flotilla.reference.Currency;
import dev.flotilla.reference.ExchangeRate;
import dev.flotilla.reference.ReferenceData;
import dev.flotilla.web.problem.InvalidFieldsException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Sales reports from the daily aggregates: one aggregation per report ({@code $match} on the days,
 * {@code $group} by the report's key), revenue converted from euros with the reference rates and
 * rounded half-even to the currency's minor units.
 */
@Component
class SalesReports {

    private final MongoTemplate mongo;
    private final Generations generations;
    private final ReferenceData reference;

    SalesReports(MongoTemplate mongo, Generations generations, ReferenceData reference) {
        this.mongo = mongo;
        this.generations = generations;
        this.reference = reference;
    }

    /** A report's row: its key (a day, category slug, country code or product id) and the figures. */
    record Row(String key, long orders, long units, BigDecimal revenue) {
    }

    /** A report: the rows and what their figures are. */
    record Report(String from, String to, String groupBy, String currency, List<Row> rows) {
    }

    /** The currency a report is in: the one asked for, euros by default. */
    static String currency(@Nullable String code) {
        return code == null || code.isBlank() ? "EUR" : code;
    }

    Report sales(ReportRange range, GroupBy groupBy, @Nullable String currencyCode) {
        Money money = money(currencyCode);
        List<Row> rows = rows(groupBy.dimension(), groupBy.field(), range, Sort.by(Sort.Direction.ASC, "_id"), 0, money);
        return new Report(range.from().toString(), range.to().toString(), groupBy.name().toLowerCase(java.util.Locale.ROOT),
                money.code(), rows);
    }

    Report topProducts(ReportRange range, int limit, @Nullable String currencyCode) {
        Money money = money(currencyCode);
        List<Row> rows = rows(Dimension.PRODUCT, "key", range,
                Sort.by(Sort.Direction.DESC, "revenueEur").and(Sort.by(Sort.Direction.ASC, "_id")), limit, money);
        return new Report(range.from().toString(), range.to().toString(), "product", money.code(), rows);
    }

    private List<Row> rows(Dimension dimension, String field, ReportRange range, Sort sort, int limit, Money money) {
        var stages = new java.util.ArrayList<>(List.of(
                Aggregation.match(Criteria.where("day").gte(range.from().toString()).lte(range.to().toString())),
                Aggregation.group(field).sum("orders").as("orders").sum("units").as("units").sum("revenueEur").as("revenueEur"),
                Aggregation.sort(sort)));
        if (limit > 0) {
            stages.add(Aggregation.limit(limit));
        }
        String collection = generations.current().active().collection(dimension);
        return mongo.aggregate(Aggregation.newAggregation(stages), collection, Document.class).getMappedResults()
                .stream().map(document -> new Row(document.get("_id").toString(), number(document, "orders"),
                        number(document, "units"), money.fromEur(decimal(document.get("revenueEur"))))).toList();
    }

    private Money money(@Nullable String code) {
        String currency = currency(code);
        if (!currency.matches("[A-Z]{3}")) {
            throw unknownCurrency(currency);
        }
        Currency known = reference.currency(currency).orElseThrow(() -> unknownCurrency(currency));
        if (currency.equals("EUR")) {
            return new Money("EUR", null, 2);
        }
        ExchangeRate rate = reference.exchangeRate(currency).orElseThrow(() -> unknownCurrency(currency));
        return new Money(currency, rate, known.minorUnits() == null ? 2 : known.minorUnits());
    }

    private static InvalidFieldsException unknownCurrency(String currency) {
        return new InvalidFieldsException("currency", "no reference rate for this currency; use an ISO 4217 code such as EUR");
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    /** The report's currency: euros as stored, or converted with a reference rate. */
    private record Money(String code, ExchangeRate rate, int scale) {
        BigDecimal fromEur(BigDecimal eur) {
            return rate == null ? eur.setScale(scale, RoundingMode.HALF_EVEN) : rate.fromEur(eur, scale);
        }
    }
}
