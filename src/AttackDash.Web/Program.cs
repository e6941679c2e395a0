using AttackDash.Web;

var app = WebAppFactory.Build(args);
await app.RunAsync();
