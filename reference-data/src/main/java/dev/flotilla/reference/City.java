package dev.flotilla.reference;

import java.time.ZoneId;

/**
 * A major city (GeoNames data).
 *
 * @param id GeoNames id, stable across data updates
 * @param countryCode ISO 3166-1 alpha-2 code of its country
 * @param name name in GeoNames' main spelling
 * @param population population as recorded by GeoNames
 * @param timeZone IANA time zone name ({@code Europe/Berlin})
 * @param latitude degrees north, WGS 84
 * @param longitude degrees east, WGS 84
 */
public record City(long id, String countryCode, String name, long population, String timeZone, double latitude,
        double longitude) {

    /** The time zone as a {@link ZoneId}; fails if this JDK's time-zone data does not know the zone yet. */
    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
