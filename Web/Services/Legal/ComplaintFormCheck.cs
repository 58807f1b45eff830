using System.ComponentModel.DataAnnotations;
using Blog.Web.Domain;
using Blog.Web.Domain.Legal;

namespace Blog.Web.Services.Legal;

/// <summary>What the complaint form sends.</summary>
public sealed record ComplaintForm(
    string RegimeKey, ComplaintGround Ground, string Name, string Email, string Phone, string Address,
    string WhatIsWrong, string Why, bool IdentityMayBeShared, bool Declared);

/// <summary>A filed complaint's reference, or what is wrong with the form, field by field.</summary>
public sealed record FilingResult(string? Reference, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Reference is not null;
}

/// <summary>What is wrong with a complaint form, field by field (the regime decides which fields it needs).</summary>
public static class ComplaintFormCheck
{
    public static Dictionary<string, string> Problems(ComplaintForm form, ComplaintRegime? regime, bool commentShown)
    {
        var errors = new Dictionary<string, string>();
        if (!commentShown)
        {
            errors[""] = "That comment is not shown on the site any more, so there is nothing to complain about.";
        }

        if (regime is null)
        {
            errors[nameof(form.RegimeKey)] = "Choose the law you are complaining under.";
        }

        Require(errors, nameof(form.Name), form.Name, TextLimits.PersonName, "your name");
        if (Require(errors, nameof(form.Email), form.Email, 256, "your email address") && !new EmailAddressAttribute().IsValid(form.Email.Trim()))
        {
            errors[nameof(form.Email)] = "Give an email address like name@example.com: the acknowledgement and the outcome are sent there.";
        }

        if (regime?.RequirePhone != false)
        {
            Require(errors, nameof(form.Phone), form.Phone, 40, "a phone number");
        }

        if (regime?.RequireAddress != false)
        {
            Require(errors, nameof(form.Address), form.Address, 500, "your postal address");
        }

        Require(errors, nameof(form.WhatIsWrong), form.WhatIsWrong, TextLimits.ComplaintText, "which part of the comment is unlawful or harmful");
        Require(errors, nameof(form.Why), form.Why, TextLimits.ComplaintText, "why it is unlawful or harmful");
        if (!Enum.IsDefined(form.Ground))
        {
            errors[nameof(form.Ground)] = "Choose what the comment is.";
        }

        if (!form.Declared)
        {
            errors[nameof(form.Declared)] = "Tick the declaration: a complaint is made in good faith, and what it says is true.";
        }

        return errors;
    }

    private static bool Require(Dictionary<string, string> errors, string field, string value, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"Give {what}.";
            return false;
        }

        if (value.Trim().Length > max)
        {
            errors[field] = $"Keep {what} to {max:N0} characters.";
            return false;
        }

        return true;
    }
}
