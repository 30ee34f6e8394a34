namespace ClusterAtlas.Mail;

public enum SmtpSecurity { StartTls, SslOnConnect, None }
