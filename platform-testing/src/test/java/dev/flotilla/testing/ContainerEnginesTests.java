package dev.flotilla.testing;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ContainerEnginesTests {

    @Test
    void withoutDockerTheContainersModeStopsWithAMessageSayingWhatToDo() {
        assertThatIllegalStateException().isThrownBy(() -> new ContainerEngines(() -> false))
                .withMessageContaining("flotilla.infra=containers")
                .withMessageContaining("needs a running Docker engine")
                .withMessageContaining("run without -Dflotilla.infra");
    }

    @Test
    void theContainersModeChecksForARealDockerEngine() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            assertThatNoException().isThrownBy(() -> new ContainerEngines());
        } else {
            assertThatIllegalStateException().isThrownBy(ContainerEngines::new)
                    .withMessageContaining("needs a running Docker engine");
        }
    }

    @Test
    void infrastructureIsEmbeddedUnlessAskedOtherwise() {
        assertThat(Infrastructure.parse("embedded")).isEqualTo(Infrastructure.EMBEDDED);
        assertThat(Infrastructure.parse(" Containers ")).isEqualTo(Infrastructure.CONTAINERS);
        assertThatIllegalStateException().isThrownBy(() -> Infrastructure.parse("docker"))
                .withMessageContaining("flotilla.infra=docker is not known").withMessageContaining("embedded, containers");
    }
}
