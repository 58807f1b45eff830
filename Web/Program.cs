using Blog.Web.Infrastructure;
using Blog.Web.Services;
using Blog.Web.Services.Accounts;

if (CommandLine.Unknown(args) is { } unknown)
{
    await Console.Error.WriteLineAsync(CommandLine.Usage(unknown));
    return 2;
}

var (command, commandArgs, hostArgs) = CommandLine.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddBlog();

var app = builder.Build();
app.UseBlog();

await DatabaseSetup.MigrateAsync(app.Services, CancellationToken.None);
await Startup.PrepareAsync(app, CancellationToken.None);

if (command is not null)
{
    return await CommandLine.RunAsync(app.Services, command, commandArgs, Console.Out, Console.In, CancellationToken.None);
}

await app.RunAsync();
return 0;
