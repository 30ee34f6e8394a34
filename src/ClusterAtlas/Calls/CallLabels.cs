using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls;

/// <summary>A call's status, deadline and budget in the page's language.</summary>
public static class CallLabels
{
    public static string Status(CallStatus status, IStringLocalizer T) => status switch
    {
        CallStatus.Forthcoming => T["Forthcoming"],
        CallStatus.Open => T["Open"],
        _ => T["Closed"],
    };

    /// <summary>"31 March 2027, 17:00 (Europe/Brussels)": the deadline in the zone the programme states it in.</summary>
    public static string Deadline(FundingCall call, IStringLocalizer T) => Deadline(call.ClosesAt, call.ClosingTimeZone, T);

    public static string Deadline(DateTimeOffset closesAt, string zone, IStringLocalizer T)
    {
        var local = CallDates.Local(closesAt, zone);
        return T["{0}, {1} ({2})", local.ToString("D", CultureInfo.CurrentCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture), zone];
    }

    /// <summary>The closing day in the call's zone, as a posting's deadline takes it.</summary>
    public static DateOnly ClosingDay(FundingCall call) => DateOnly.FromDateTime(CallDates.Local(call.ClosesAt, call.ClosingTimeZone).DateTime);

    /// <summary>"EUR 60,000 · up to EUR 60,000 per project", or null when the call states no budget.</summary>
    public static string? Budget(FundingCall call)
    {
        var parts = new List<string>();
        if (call.BudgetAmount is { } amount)
        {
            parts.Add($"{call.BudgetCurrency} {amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.CurrentCulture)}");
        }
        if (call.BudgetText is { } text)
        {
            parts.Add(text);
        }
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
