using System.ComponentModel.DataAnnotations;
using Blog.Web.Domain.Legal;

namespace Blog.Web.Configuration;

/// <summary>The statutory complaint regimes the site runs (<c>Legal:Regimes</c>, one entry each) and the one offered first.</summary>
public sealed class LegalOptions : IValidatableObject
{
    public const string Section = "Legal";

    [Required]
    public string DefaultRegime { get; set; } = "nz-hdca";

    public Dictionary<string, ComplaintRegime> Regimes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The regimes with their keys filled in, the default first.</summary>
    public IReadOnlyList<ComplaintRegime> All =>
        Regimes.Select(r => { r.Value.Key = r.Key; return r.Value; })
            .OrderBy(r => r.Key == DefaultRegime ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

    public ComplaintRegime? Find(string? key) => key is not null && Regimes.TryGetValue(key, out var regime) ? Keyed(key, regime) : null;

    public ComplaintRegime Default => Find(DefaultRegime)!;

    private static ComplaintRegime Keyed(string key, ComplaintRegime regime)
    {
        regime.Key = key;
        return regime;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Regimes.ContainsKey(DefaultRegime))
        {
            yield return new ValidationResult($"Legal:DefaultRegime “{DefaultRegime}” is not one of Legal:Regimes.", [nameof(DefaultRegime)]);
        }

        foreach (var regime in All)
        {
            if (regime.Key.Length is 0 or > 40 || regime.Problem() is { } problem && problem.Length > 0)
            {
                yield return new ValidationResult(regime.Problem() ?? $"Legal:Regimes key “{regime.Key}” must be 1 to 40 characters.", [nameof(Regimes)]);
            }
        }
    }
}
