package dev.flotilla.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchIllegalStateException;

class ContainerEnginesTests {

    @Test
    void withoutDockerTheContainersModeStopsWithAMessageSayingWhatToDo() {
        assertThatIllegalStateException().isThrownBy(() -> new ContainerEngines(() -> false))
                .withMessageContaining("flotilla.infra=containers")
                .withMessageContaining("needs a running Docker engine")
                .withMessageContaining("run without -Dflotilla.infra");
    }

    @Test
    void everyEngineOfTheContainersModeReportsTheMissingDockerEngineWithoutAskingAgain() {
        AtomicInteger checks = new AtomicInteger();
        EngineRegistry registry = EngineRegistry.startingOnDemand(Infrastructure.CONTAINERS,
                () -> new ContainerEngines(() -> checks.incrementAndGet() < 0));

        IllegalStateException postgres = catchIllegalStateException(registry::postgres);
        assertThat(postgres).hasMessageContaining("needs a running Docker engine");
        assertThat(catchIllegalStateException(registry::redis)).isSameAs(postgres);
        assertThat(catchIllegalStateException(registry::mongo)).isSameAs(postgres);
        assertThat(checks).hasValue(1);
    }

    @Test
    void infrastructureIsEmbeddedUnlessAskedOtherwise() {
        assertThat(Infrastructure.parse("embedded")).isEqualTo(Infrastructure.EMBEDDED);
        assertThat(Infrastructure.parse(" Containers ")).isEqualTo(Infrastructure.CONTAINERS);
        assertThatIllegalStateException().isThrownBy(() -> Infrastructure.parse("docker"))
                .withMessageContaining("flotilla.infra=docker is not known").withMessageContaining("embedded, containers");
    }
}
