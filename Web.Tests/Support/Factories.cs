namespace Blog.Web.Tests.Support;

/// <summary>An empty site: accounts and roles, no demo content.</summary>
public sealed class EmptySiteFactory() : BlogAppFactory(seedDemo: false);

/// <summary>The site with the demo newsroom seeded, as a new visitor sees it.</summary>
public sealed class DemoSiteFactory() : BlogAppFactory(seedDemo: true);
