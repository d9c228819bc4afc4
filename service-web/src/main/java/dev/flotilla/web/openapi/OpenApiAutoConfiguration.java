package dev.flotilla.web.openapi;

import dev.flotilla.web.security.ResourceServerAutoConfiguration;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/** The problem responses and the bearer scheme in every service's OpenAPI document. */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class)
@ConditionalOnClass({GlobalOpenApiCustomizer.class, WebInvocationPrivilegeEvaluator.class})
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        return new ProblemResponses(new AccessRules(evaluator));
    }
}
