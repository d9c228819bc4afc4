package dev.flotilla.testing;

class SecondIsolationTests extends IsolationTestSupport {

    @Override
    String marker() {
        return "second";
    }
}
