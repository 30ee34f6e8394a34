namespace ClusterAtlas.Newsletter;

public enum NewsletterIssueKind { Digest, Editorial }
