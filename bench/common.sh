# Shared by bench/run.sh and bench/faults.sh (sourced, with ROOT, WORK and PORT set): a Release build of the site and
# the load client, and the site's settings for a measured run.

build_release() {
  rm -rf "$WORK" && mkdir -p "$WORK" "$ROOT/bench/results"
  echo "== building Release"
  dotnet publish "$ROOT/Web/Web.csproj" -c Release -o "$WORK/app" -v quiet -nologo >/dev/null
  dotnet build "$ROOT/bench/LoadClient/LoadClient.csproj" -c Release -o "$WORK/client" -v quiet -nologo >/dev/null
}

# Production settings, as if behind a TLS-terminating proxy on 127.0.0.1, with the database in $WORK/$1.
production_settings() {
  export ASPNETCORE_ENVIRONMENT=Production
  export ConnectionStrings__Blog="Data Source=$WORK/$1"
  export Mail__PickupDirectory="$WORK/mail"
  export ForwardedHeaders__KnownProxies__0=127.0.0.1
  # The public address (mail links, AllowedHosts in Production): the proxy would serve it over https.
  export Site__BaseUrl="https://127.0.0.1:$PORT"
  # The load is many posts from few accounts in a short time: the per-account caps would (rightly) refuse most of
  # them, so they are lifted here. Every other production setting stands.
  export Comments__PostsPerMinute=10000 Comments__PreviewsPerMinute=10000 Comments__ActionsPerMinute=10000
  export Moderation__FloodMaxComments=1000 Moderation__FirstCommentsHeld=0
  export Security__AccountPostsPerMinute=100000
}
