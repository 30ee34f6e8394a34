using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.PartnerSearch;

/// <summary>Settings under "ClusterAtlas:PartnerSearch".</summary>
public sealed class PartnerSearchOptions
{
    public const string Section = "ClusterAtlas:PartnerSearch";

    /// <summary>How often deadlines are looked at (expiry and reminders).</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long before its deadline a posting's author is asked to renew or close it.</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}
