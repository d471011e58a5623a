using System.Globalization;
using System.Text;

namespace EdgeIngest.Reports;

/// <summary>
/// The report's per-day figures as CSV, one figure a row (<c>day,measure,category,detail,count</c>),
/// totals with empty category and detail, then the breakdowns: easy to pivot in a spreadsheet.
/// </summary>
public static class ReportCsv
{
    public const string Header = "day,measure,category,detail,count";

    public static string Render(TransparencyReport report)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var day in report.PerDay)
        {
            var date = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            void Row(string measure, string category, string detail, long count) =>
                csv.Append(CultureInfo.InvariantCulture, $"{date},{measure},{Field(category)},{Field(detail)},{count}\n");

            Row("vehicles_read", "", "", day.VehiclesRead);
            Row("hits", "", "", day.Hits);
            foreach (var hit in day.HitsBy)
            {
                Row("hits", hit.Category, hit.MatchKind, hit.Count);
            }

            Row("disclosures", "", "", day.Disclosures);
            Row("withheld", "", "", day.Withheld);
            foreach (var withheld in day.WithheldBy)
            {
                Row("withheld", withheld.Category, withheld.Reason, withheld.Count);
            }

            Row("purged_reads", "", "", day.PurgedReads);
            Row("purged_hits", "", "", day.PurgedHits);
            Row("purged_evidence_files", "", "", day.PurgedEvidenceFiles);
            var footage = day.Footage;
            Row("footage_requests", "", "received", footage.Received);
            Row("footage_requests", "", "refused", footage.Refused);
            Row("footage_requests", "", "approved", footage.Approved);
            Row("footage_requests", "", "declined", footage.Declined);
            Row("footage_requests", "", "expired", footage.Expired);
            Row("footage_requests", "", "delivered", footage.Delivered);
            Row("footage_requests", "", "failed", footage.Failed);
            Row("footage_bytes_delivered", "", "", footage.BytesDelivered);
        }

        return csv.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
