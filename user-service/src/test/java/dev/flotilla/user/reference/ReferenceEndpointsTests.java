package dev.flotilla.user.reference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.flotilla.user.UserServiceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@UserServiceTest
class ReferenceEndpointsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void countriesAndCurrenciesAreCacheableWithAnEtag() throws Exception {
        MvcResult countries = mvc.perform(get("/api/reference/countries")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(249))
                .andExpect(jsonPath("$[?(@.alpha2 == 'DE')].currencyCode").value("EUR"))
                .andExpect(header().string("Cache-Control", containsString("max-age=86400")))
                .andReturn();
        String etag = countries.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();

        mvc.perform(get("/api/reference/countries").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/api/reference/currencies")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'JPY')].minorUnits").value(0));
    }

    @Test
    void citiesOfACountryArePagedLargestFirst() throws Exception {
        mvc.perform(get("/api/reference/countries/jp/cities?size=3")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].name").value("Tokyo"))
                .andExpect(jsonPath("$.page").value(0));
        mvc.perform(get("/api/reference/countries/JP/cities?page=1&size=3")).andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1));
    }

    @Test
    void unknownAndMalformedCountriesAndPagesAreClientErrors() throws Exception {
        mvc.perform(get("/api/reference/countries/XX/cities")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no country with code 'XX'"));
        mvc.perform(get("/api/reference/countries/GERMANY/cities")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reference/countries/DE/cities?size=0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reference/countries/DE/cities?size=501")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reference/countries/DE/cities?page=x")).andExpect(status().isBadRequest());
    }
}
