package dev.flotilla.analytics.aggregate;

/** What the sales of a day are broken down by, each in a collection of its own. */
public enum Dimension {
    PRODUCT("sales_by_day_product"), CATEGORY("sales_by_day_category"), COUNTRY("sales_by_day_country");

    private final String collection;

    Dimension(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }
}
