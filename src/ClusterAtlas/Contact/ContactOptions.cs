namespace ClusterAtlas.Contact;

/// <summary>Settings under "ClusterAtlas:Contact": how many contact requests one member may start per hour and per day.</summary>
public sealed class ContactOptions
{
    public const string Section = "ClusterAtlas:Contact";

    public int RequestsPerHour { get; set; } = 5;
    public int RequestsPerDay { get; set; } = 20;
}
