namespace Blog.Web.Domain;

public enum ProceedingsStatus
{
    None = 0,
    ChargesLikely = 1,
    Charged = 2,
    Trial = 3,
    Verdict = 4,
    Appeal = 5,
    Concluded = 6,
}

/// <summary>A court case the newsroom covers; articles hang off it as a timeline.</summary>
public sealed class Case
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>The short case name, e.g. "Republic of Kazakhstan v Mega Ltd".</summary>
    public string Name { get; set; } = "";

    /// <summary>Neutral and report citations, one per line, e.g. "[2016] NZHC 963".</summary>
    public string Citations { get; set; } = "";

    public string Court { get; set; } = "";

    public string Jurisdiction { get; set; } = "";

    public string FileNumber { get; set; } = "";

    public string Judges { get; set; } = "";

    public ProceedingsStatus ProceedingsStatus { get; set; }

    public string Summary { get; set; } = "";

    public string SummaryHtml { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<Article> Articles { get; set; } = [];

    /// <summary>The same dispute in other courts (appeals, parallel proceedings abroad).</summary>
    public List<Case> RelatedCases { get; set; } = [];

    /// <summary>The other side of <see cref="RelatedCases"/>; a relation is shown from both ends.</summary>
    public List<Case> RelatedFrom { get; set; } = [];

    public IEnumerable<string> CitationList => LineList.Split(Citations);
}

public static class ProceedingsStatusText
{
    public static string Describe(this ProceedingsStatus status) => status switch
    {
        ProceedingsStatus.None => "No proceedings",
        ProceedingsStatus.ChargesLikely => "Charges likely",
        ProceedingsStatus.Charged => "Charged",
        ProceedingsStatus.Trial => "At trial",
        ProceedingsStatus.Verdict => "Verdict pending",
        ProceedingsStatus.Appeal => "On appeal",
        ProceedingsStatus.Concluded => "Concluded",
        _ => status.ToString(),
    };
}
