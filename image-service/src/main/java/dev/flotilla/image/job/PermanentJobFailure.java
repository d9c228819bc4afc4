package dev.flotilla.image.job;

/** An attempt failed in a way no retry can mend (the input itself is broken): the job is FAILED at once. */
public class PermanentJobFailure extends Exception {

    public PermanentJobFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
