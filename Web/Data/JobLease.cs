namespace Blog.Web.Data;

/// <summary>
/// Which instance runs a piece of background work, and until when: one row per job. The holder renews it on every
/// round; an instance that stops renewing (stopped, killed) loses it when <see cref="Until"/> passes, and another takes it.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTimeOffset Until { get; set; }
}
