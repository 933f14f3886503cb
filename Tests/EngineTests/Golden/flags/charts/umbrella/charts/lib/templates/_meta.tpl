{{- define "lib.meta" -}}
{{- $root := index . 0 -}}
name: {{ printf "%s-%s" $root.Release.Name (index . 1) }}
labels:
  chart: {{ $root.Chart.Name }}
  owner: {{ $root.Values.global.owner }}
{{- end }}
