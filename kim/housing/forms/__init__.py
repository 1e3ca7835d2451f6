from django import forms

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
