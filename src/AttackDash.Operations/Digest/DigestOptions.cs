using System.ComponentModel.DataAnnotations;

namespace AttackDash.Operations.Digest;

/// <summary>Section "Digest": the short mail sent when a weekly review opens.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>Recipients, e.g. postmaster. None: no digest.</summary>
    public List<string> To { get; set; } = ["postmaster"];

    [Required]
    public string From { get; set; } = "attackdash";

    /// <summary>"sendmail" (the local <c>sendmail -t</c>, default) or "smtp".</summary>
    [RegularExpression("^(sendmail|smtp)$")]
    public string Transport { get; set; } = "sendmail";

    public string SendmailPath { get; set; } = "/usr/sbin/sendmail";

    public string SmtpHost { get; set; } = "localhost";

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    /// <summary>The dashboard's address, for the link to the review.</summary>
    public string? DashboardUrl { get; set; }
}
